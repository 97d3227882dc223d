// Placeholder: this command is being built (see the open issues).
export async function runChat(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot chat: not available yet");
  process.exitCode = 2;
}
