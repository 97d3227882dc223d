// Placeholder: this command is being built (see the open issues).
export async function runServe(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot serve: not available yet");
  process.exitCode = 2;
}
