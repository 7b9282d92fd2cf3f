/** `--data FILE.csv[,FILE2.csv]`: answer every function from CSV files instead of the demo source. */
import * as fs from "fs";
import * as path from "path";
import { configureMarketData } from "../data/configure";

/** Reads the files and makes them the process-wide market data source (no persistent cache). */
export async function useCsvFile(fileList: string): Promise<void> {
  const files = fileList
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  const csvFiles = files.map((file) => {
    if (!fs.existsSync(file)) throw new Error(`--data: ${file} does not exist`);
    return { name: path.basename(file), text: fs.readFileSync(file, "utf8") };
  });
  configureMarketData({ provider: "csv", csvFiles });
}
