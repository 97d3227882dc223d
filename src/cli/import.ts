// Placeholder: this command is being built (see the open issues).
export async function runImport(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot import: not available yet");
  process.exitCode = 2;
}
