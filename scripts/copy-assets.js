// After `tsc`, copies what the compiled bot reads at run time but tsc does not emit: the PowerShell
// entry script and module, and the lab's scenarios.
'use strict';
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
for (const folder of ['adapters/powershell/scripts', 'adapters/powershell/module', 'lab/scenarios']) {
  cpSync(join(root, folder), join(root, 'dist', folder), { recursive: true });
}
console.log('copied PowerShell scripts, module and lab scenarios into dist/');
