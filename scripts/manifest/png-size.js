/* Reads a PNG's pixel size from its IHDR chunk (the first chunk after the 8-byte signature). */
const fs = require("fs");

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Width and height of a PNG file.
 * @param {string} file path to the PNG
 * @returns {{width: number, height: number}}
 * @throws {Error} when the file is missing or not a PNG
 */
function readPngSize(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(24);
    const read = fs.readSync(fd, head, 0, 24, 0);
    if (read < 24 || !head.subarray(0, 8).equals(PNG_SIGNATURE)) {
      throw new Error("is not a PNG file");
    }
    if (head.toString("latin1", 12, 16) !== "IHDR") throw new Error("has no IHDR chunk first");
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { readPngSize };
