// vscode-languageserver at run time. It is CommonJS: imported from an ES module, Node scans it and
// every module it re-exports for export names (cjs-module-lexer), which took longer than all the
// rest of the server's start-up; require() loads it without the scan.
import { createRequire } from "node:module";
import type * as Lsp from "vscode-languageserver/node";

export const lsp = createRequire(import.meta.url)("vscode-languageserver/node") as typeof Lsp;
