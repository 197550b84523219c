import type { SimpleCommand } from "../../model/shell/types.js";
import { defineRule } from "../rule.js";
import { hasCacheMount } from "./util/packages-cache-mounts.js";
import { installsNotCleaned, removesTree } from "./util/packages-cleanup.js";
import { commandRange, findSubcommand, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

const yarnInstall = (cmd: SimpleCommand) => (programOf(cmd) === "yarn" ? findSubcommand(cmd, ["install"]) : undefined);
const yarnCacheClean = (cmd: SimpleCommand) => {
  if (programOf(cmd) !== "yarn") return removesTree(cmd, ["/usr/local/share/.cache/yarn", "/root/.cache/yarn"]);
  const cache = findSubcommand(cmd, ["cache"]);
  return cache !== undefined && cmd.args[cache.index + 1]?.value === "clean";
};

export default defineRule({
  code: "DL3060",
  name: "yarn-cache-not-cleaned",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Run `yarn cache clean` after `yarn install` in the same RUN.",
    rationale:
      "yarn keeps every package it downloads in its global cache; unless the same RUN cleans it, the cache stays in the layer next to node_modules, doubling its size.",
    bad: "FROM node:20.11\nRUN yarn install --frozen-lockfile",
    good: "FROM node:20.11\nRUN yarn install --frozen-lockfile && yarn cache clean",
  },
  fix: null, // where the clean belongs is the author's call
  check(context) {
    if (!runsAny(context, "yarn")) return;
    const { model } = context;
    const last = model.target ?? model.stages[model.stages.length - 1];
    for (const { ins, run, isTrigger, commands } of packageRuns(context)) {
      // Like DL3009, hadolint reports only where the cache reaches an image people run: the built stage and
      // stages other stages are built FROM. An ONBUILD trigger runs in a downstream image, so it always counts.
      const stage = model.stageOf(ins);
      if (!isTrigger && stage && stage !== last && !model.stages.some((s) => s.base.kind === "stage" && s.base.stage === stage)) continue;
      // hadolint: a cache or tmpfs mount over yarn's cache keeps it out of the image.
      if (hasCacheMount(run, [".cache/yarn"])) continue;
      for (const { command, install } of installsNotCleaned(commands, yarnInstall, yarnCacheClean)) {
        context.report({
          range: commandRange(command.cmd, install.word),
          message: "'yarn install' is not followed by 'yarn cache clean' in this RUN; yarn's cache stays in the image.",
        });
      }
    }
  },
});
