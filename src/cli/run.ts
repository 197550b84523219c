// The process shell around main(): the standard descriptors (stdio.ts), the exit code, and no stack
// trace for the user.
import { main } from "./main.js";
import { writeStdio } from "./stdio.js";

const io = {
  out: (text: string) => writeStdio(1, text),
  err: (text: string) => writeStdio(2, text),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    writeStdio(2, `dflint: internal error: ${(e as Error)?.message ?? String(e)} (please report it)\n`);
    process.exitCode = 2;
  },
);
