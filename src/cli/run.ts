// The process shell around main(): real streams, the exit code, and no stack trace for the user.
import { main } from "./main.js";

const io = {
  out: (text: string) => void process.stdout.write(text),
  err: (text: string) => void process.stderr.write(text),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`dflint: internal error: ${(e as Error)?.message ?? String(e)} (please report it)\n`);
    process.exitCode = 2;
  },
);
