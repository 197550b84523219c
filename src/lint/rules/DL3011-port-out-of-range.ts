import { defineRule } from "../rule.js";

const MAX_PORT = 65535;

export default defineRule({
  code: "DL3011",
  name: "port-out-of-range",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "EXPOSE only ports from 0 to 65535.",
    rationale: "TCP and UDP ports are 16-bit numbers; a larger one is a typo and cannot be published.",
    bad: "FROM nginx:1.27\nEXPOSE 80800",
    good: "FROM nginx:1.27\nEXPOSE 8080",
  },
  fix: null, // which port was meant is the author's call
  check({ model, report }) {
    for (const stage of model.stages) {
      // The model's ports are expanded (`EXPOSE $PORT` is read with the ARG's value); a stage also
      // lists the ports it inherits, so only those written in its own EXPOSE lines are checked here.
      const own = stage.instructions.filter((i) => i.name === "EXPOSE");
      for (const port of stage.exposes) {
        if (!own.some((i) => i.range.start.offset <= port.range.start.offset && port.range.end.offset <= i.range.end.offset)) continue;
        const high = Math.max(port.start ?? 0, port.end ?? 0);
        if (high <= MAX_PORT) continue;
        report({ range: port.range, message: `Port '${port.text}' is beyond ${MAX_PORT}, the highest port there is.` });
      }
    }
  },
});
