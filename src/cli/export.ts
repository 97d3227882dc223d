// Placeholder: this command is being built (see the open issues).
export async function runExport(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot export: not available yet");
  process.exitCode = 2;
}
