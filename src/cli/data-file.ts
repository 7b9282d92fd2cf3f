/** `--data FILE.csv`: answer every function from a CSV file instead of the demo source. */
import * as fs from "fs";

/** Reads the file and makes it the process-wide market data source. */
export async function useCsvFile(file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`--data: ${file} does not exist`);
  throw new Error("--data: CSV sources are not available in this build yet");
}
