import { ProviderError } from "../provider-error";
import { MarketDataProvider } from "../types";

/**
 * The CSV source when its files are not available (not kept between sessions): every answer is
 * #N/A saying the files must be chosen again — never a silent fall-back to another source.
 */
export class FilesMissingSource implements MarketDataProvider {
  readonly id = "csv";
  readonly local = true;
  readonly name: string;

  constructor(fileNames: readonly string[]) {
    this.name = fileNames.length ? `CSV files (${fileNames.join(", ")})` : "CSV files";
  }

  private fail(): Promise<never> {
    return Promise.reject(
      new ProviderError(
        this.name,
        "not-supported",
        "not loaded since the pane was reloaded; choose the files again in Settings"
      )
    );
  }

  getHistory(): Promise<never> {
    return this.fail();
  }
  getQuote(): Promise<never> {
    return this.fail();
  }
  getSymbolInfo(): Promise<never> {
    return this.fail();
  }
}
