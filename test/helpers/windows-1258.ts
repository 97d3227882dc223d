/**
 * An entry as old Notepad saves it ("ANSI" = Windows-1258): "Đăng ký" is D0 E3 6E 67 20 6B FD,
 * bytes that are not UTF-8. Built by hand so the test does not depend on an iconv.
 */
export function windows1258Entry(id: string): Buffer {
  const ascii = (s: string) => Buffer.from(s, "ascii");
  return Buffer.concat([
    ascii(`id: ${id}\nkind: faq\ntitle: `),
    Buffer.from([0xd0, 0xe3, 0x6e, 0x67, 0x20, 0x6b, 0xfd]), // Đăng ký
    ascii(" thu nghiem\nbody: "),
    Buffer.from([0x4e, 0xe9, 0x69, 0x20, 0x64, 0x75, 0x6e, 0x67]), // Néi dung (é = 0xE9)
    ascii("\nsource: Ghi chu\nreviewed: 2026-11-23\n"),
  ]);
}
