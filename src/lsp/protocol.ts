// vscode-languageserver at run time, imported statically so that esbuild bundles it into the CLI
// (scripts/bundle-cli.mjs): loaded from node_modules, its twenty-odd CommonJS files were compiled
// afresh at every start, while in the bundle they are covered by the CLI's code cache.
import lsp from "vscode-languageserver/node";

export { lsp };
