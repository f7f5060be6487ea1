import { singleQuoted } from '../../../adapters/powershell/single-quoted';

describe('a value put in single quotes for PowerShell', () => {
  it('is quoted as it is when it holds no quote', () => {
    expect(singleQuoted('/opt/rdsbot/scripts/Invoke-RdsBotOperation.ps1')).toBe(
      "'/opt/rdsbot/scripts/Invoke-RdsBotOperation.ps1'",
    );
  });

  it.each([
    ['an ASCII quote', "/opt/it's/x.ps1"],
    ['a right single quotation mark', '/home/alex/Alex\u2019s tools/x.ps1'],
    ['a left single quotation mark', '/opt/\u2018x/x.ps1'],
    ['a low-9 quotation mark', '/opt/\u201Ax/x.ps1'],
    ['a reversed-9 quotation mark', '/opt/\u201Bx/x.ps1'],
    ['a line break', '/opt/x\n.ps1'],
    ['a line separator', '/opt/x\u2028.ps1'],
  ])('is refused when it holds %s', (_what, value) => {
    expect(() => singleQuoted(value)).toThrow('refusing to quote');
  });
});
