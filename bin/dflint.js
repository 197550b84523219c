#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.mjs); dist/src/cli/run.js is the same program unbundled.
import "../dist/cli/run.js";
