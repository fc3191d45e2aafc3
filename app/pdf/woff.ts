// WOFF 1.0 → TrueType/OpenType (sfnt). fontkit reads WOFF itself, but inflates the whole glyph table on
// every glyph read: converting once at start makes typesetting about ten times faster (ARCHITECTURE.md).
import { inflateSync } from "node:zlib";

const woffSignature = 0x774f4646; // "wOFF"

export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.readUInt32BE(0) !== woffSignature) throw new Error("not a WOFF 1.0 file");
  const flavor = input.readUInt32BE(4);
  const tableCount = input.readUInt16BE(12);

  const tables = Array.from({ length: tableCount }, (_, index) => {
    const entry = 44 + index * 20;
    const tag = input.readUInt32BE(entry);
    const offset = input.readUInt32BE(entry + 4);
    const compressedLength = input.readUInt32BE(entry + 8);
    const originalLength = input.readUInt32BE(entry + 12);
    const checksum = input.readUInt32BE(entry + 16);
    const stored = input.subarray(offset, offset + compressedLength);
    const data = compressedLength < originalLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== originalLength) throw new Error("WOFF table has the wrong length after inflating");
    return { tag, checksum, data };
  });

  // The sfnt offset table's binary-search fields (OpenType spec, "Table Directory").
  const entrySelector = Math.floor(Math.log2(tableCount));
  const searchRange = 2 ** entrySelector * 16;
  const headerLength = 12 + tableCount * 16;
  const padded = (length: number) => (length + 3) & ~3;
  const total = headerLength + tables.reduce((sum, table) => sum + padded(table.data.length), 0);

  const output = Buffer.alloc(total);
  output.writeUInt32BE(flavor, 0);
  output.writeUInt16BE(tableCount, 4);
  output.writeUInt16BE(searchRange, 6);
  output.writeUInt16BE(entrySelector, 8);
  output.writeUInt16BE(tableCount * 16 - searchRange, 10);
  let dataOffset = headerLength;
  tables
    .sort((a, b) => a.tag - b.tag)
    .forEach((table, index) => {
      const record = 12 + index * 16;
      output.writeUInt32BE(table.tag, record);
      output.writeUInt32BE(table.checksum, record + 4);
      output.writeUInt32BE(dataOffset, record + 8);
      output.writeUInt32BE(table.data.length, record + 12);
      table.data.copy(output, dataOffset);
      dataOffset += padded(table.data.length);
    });
  return output;
}
