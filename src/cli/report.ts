// Placeholder: this command is being built (see the open issues).
export async function runReport(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot report: not available yet");
  process.exitCode = 2;
}
