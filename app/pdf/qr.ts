// QR codes as data: the module matrix of the `qrcode` package (decision 011), drawn by the engine as
// vector squares. Pure and deterministic: the same text always gives the same modules.
import QRCode from "qrcode";
import type { QrSymbol } from "./model";

const symbols = new Map<string, QrSymbol>();

/**
 * The symbol for a text (the verify page's address, a lesson's page). Error correction M: a printed code
 * survives a crease or a smudge over 15 % of it; a 40-character address fits in a 29 × 29 symbol, a
 * lesson's teacher page (about 65 characters) in 37 × 37.
 */
export function qrSymbol(text: string): QrSymbol {
  let symbol = symbols.get(text);
  if (!symbol) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
    const rows: string[] = [];
    for (let row = 0; row < modules.size; row += 1) {
      let bits = "";
      for (let column = 0; column < modules.size; column += 1) bits += modules.get(row, column) ? "1" : "0";
      rows.push(bits);
    }
    symbol = { text, rows };
    symbols.set(text, symbol);
  }
  return symbol;
}
