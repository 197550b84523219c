import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3057",
  name: "healthcheck-missing",
  level: "ignore",
  source: "hadolint",
  docs: {
    summary: "Declare a HEALTHCHECK in every stage (off by default).",
    rationale:
      "Without a HEALTHCHECK, Docker and Swarm only know whether the process runs, not whether it serves; a hung server stays `running`. Off by default as in hadolint, since orchestrators such as Kubernetes ignore HEALTHCHECK and use their own probes.",
    bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/',
    good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1',
  },
  fix: null, // what "healthy" means for the service is the author's to say
  check({ model, report }) {
    for (const stage of model.stages) {
      // stage.healthcheck comes down the stage chain (FROM <stage>), as hadolint tracks it; HEALTHCHECK
      // NONE counts as a decision. A base image's own HEALTHCHECK is unknown to both.
      if (stage.healthcheck) continue;
      const which = stage.nameAsWritten ? `Stage '${stage.nameAsWritten}'` : `Stage ${stage.index}`;
      report({ range: stage.from.range, message: `${which} has no HEALTHCHECK instruction.` });
    }
  },
});
