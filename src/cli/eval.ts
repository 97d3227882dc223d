// Placeholder: this command is being built (see the open issues).
export async function runEval(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot eval: not available yet");
  process.exitCode = 2;
}
