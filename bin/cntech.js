#!/usr/bin/env node
/* The cntech command: runs the node build of the CNTECH functions (dist/cli.js). */
const fs = require("fs");
const path = require("path");

const cli = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(cli)) {
  process.stderr.write("cntech: dist/cli.js is missing - run npm run build first\n");
  process.exit(2);
}
require(cli);
