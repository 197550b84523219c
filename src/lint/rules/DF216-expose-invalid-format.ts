import { defineRule } from "../rule.js";
import { exposedWords, splitPortSpec, type PortSpec } from "./util/buildkit-expose.js";

const RANGE = /^(\d+)(?:-(\d+))?$/;

// The fix keeps what BuildKit records only when BuildKit accepts the spec: valid port ranges, a host
// range only against a single container port (or of the same size), and an IP that looks like one.
function isAccepted(spec: PortSpec): boolean {
  const c = RANGE.exec(spec.containerPort);
  if (!c) return false;
  if (spec.ip !== "" && !/^(?:[0-9.]+|\[?[0-9A-Fa-f:.]+\]?)$/.test(spec.ip)) return false;
  if (spec.hostPort === "") return true;
  const h = RANGE.exec(spec.hostPort);
  if (!h) return false;
  const size = (m: RegExpExecArray) => Number(m[2] ?? m[1]) - Number(m[1]);
  return size(c) === size(h) || size(c) === 0;
}

export default defineRule({
  code: "DF216",
  name: "expose-invalid-format",
  aliases: ["ExposeInvalidFormat"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "EXPOSE a container port, without an IP address or host port.",
    rationale:
      "EXPOSE only documents the port the container listens on; an IP or host port (`8080:80`) is silently dropped, since publishing is decided by `docker run -p`. BuildKit says this will become an error.",
    bad: "FROM nginx:1.27\nEXPOSE 8080:80",
    good: "FROM nginx:1.27\nEXPOSE 80",
  },
  fix: { safety: "safe", why: "BuildKit records only the container port and protocol; the image is the same without the IP and host port.", changes: "expose-container-port" },
  check({ text, tree, model, report }) {
    for (const { word, ports } of exposedWords(text, tree, model)) {
      for (const port of ports) {
        const spec = splitPortSpec(port.text);
        if (!spec || (spec.ip === "" && spec.hostPort === "")) continue;
        const kept = spec.containerPort + (spec.protocol ? "/" + spec.protocol : "");
        const accepted = isAccepted(spec);
        const at = accepted ? port.span : null;
        report({
          range: port.span ? port.span.range : word.range,
          message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${port.text}'${accepted ? `; expose '${kept}'` : ""}.`,
          edits: at ? [{ start: at.start, end: at.end, text: kept }] : undefined,
        });
      }
    }
  },
});
