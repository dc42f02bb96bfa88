/**
 * Small real files of every kind an upload may carry (and a few it may not), built in memory
 * so that tests need no binary fixtures: each has the magic number and structure file-type reads.
 */
export function sampleFiles() {
  const base64 = (text: string) => Buffer.from(text, 'base64');
  return {
    pdf: Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ),
    /** A 1×1 PNG. */
    png: base64(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    ),
    jpeg: Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64)]),
    gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
    tiff: Buffer.concat([Buffer.from('49492a0008000000', 'hex'), Buffer.alloc(64)]),
    /** [Content_Types].xml naming word/document.xml, as Word writes it first. */
    docx: base64(
      'UEsDBBQAAAAIAF2+gV2axphxygAAADoBAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbH1QzU7DMAx+lShX1LrjgBBquwODI3AYD2AlbhfR2FGSjfH2uAztwIGj/f3a/fYcF3OiXILwYDdtZw2xEx94Huz7/rm5t9ux338lKkapXAZ7qDU9ABR3oIillUSsyCQ5YtUxz5DQfeBMcNt1d+CEK3Ft6uphx35HEx6Xap7Our7EqtyaxwtvjRosprQEh1VhWFEY+1dtmYMn84a5vmBUFnxK9uDFHaMq2/9tTuz/dG1kmoKjq351S1kclaLnx6W9IhED3/z2gJ9njN9QSwMEFAAAAAgAXb6BXV8zlVKVAAAABwEAAAsAAABfcmVscy8ucmVsc43POw7CMAwG4KtEPkCdMjCgpl1YuiIuECVuU9E85ITX7cnAQBEDo3//+ix3w8Ov4kaclxgUtI2Eoe9OtOpSg+yWlEVthKzAlZIOiNk48jo3MVGomymy16WOPGPS5qJnwp2Ue+RPA7amGK0CHm0L4vxM9I8dp2kxdIzm6imUHye+GlXWPFNRcI9s0b7jprKAfYebF/sXUEsDBBQAAAAIAF2+gV3vbGMGHgAAABwAAAARAAAAd29yZC9kb2N1bWVudC54bWyzsa/IzVEoSy0qzszPs1Uy1DNQsrezKcrPL9G3AwBQSwECFAMUAAAACABdvoFdmsaYccoAAAA6AQAAEwAAAAAAAAAAAAAAgAEAAAAAW0NvbnRlbnRfVHlwZXNdLnhtbFBLAQIUAxQAAAAIAF2+gV1fM5VSlQAAAAcBAAALAAAAAAAAAAAAAACAAfsAAABfcmVscy8ucmVsc1BLAQIUAxQAAAAIAF2+gV3vbGMGHgAAABwAAAARAAAAAAAAAAAAAACAAbkBAAB3b3JkL2RvY3VtZW50LnhtbFBLBQYAAAAAAwADALkAAAAGAgAAAAA=',
    ),
    xlsx: base64(
      'UEsDBBQAAAAIAF2+gV0hE0TUzQAAADIBAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbH1QvU7DMBB+Fcsrii90QAgl6VDKCAzlAQ77kljxn+xrCW+P0zIxMJ3uvl9dt1+9ExfKxcbQy3vVSkFBR2PD1MuP00vzKPdDd/pOVESlhtLLmTk9ARQ9k8eiYqJQkTFmj1zXPEFCveBEsGvbB9AxMAVuePOQQ/dMI54di+Naz7fYKpficONtUb3ElJzVyBWGDYWhe6stszUk3jHzK/rKgtXBV8zLZ4yL+t/kEsyfpk0cR6vJRH32VaJKyoSmzETsnbpO5dGGu998uD5h+AFQSwMEFAAAAAgAXb6BXUuDozqWAAAABQEAAAsAAABfcmVscy8ucmVsc43PPQ7CMAwF4KtEPkDdMjCgpl1YuiIuEFL3R23iyAlQbk9GihgY/fz0Wa7bza3qQRJn9hqqooS2qS+0mpSDOM0hqtzwUcOUUjghRjuRM7HgQD5vBhZnUh5lxGDsYkbCQ1keUT4N2Juq6zVI11egrq9A/9g8DLOlM9u7I59+nPhqZNnISEnDtuKTZbkxL0VGAZsadw82b1BLAwQUAAAACABdvoFd72xjBh4AAAAcAAAADwAAAHhsL3dvcmtib29rLnhtbLOxr8jNUShLLSrOzM+zVTLUM1Cyt7Mpys8v0bcDAFBLAQIUAxQAAAAIAF2+gV0hE0TUzQAAADIBAAATAAAAAAAAAAAAAACAAQAAAABbQ29udGVudF9UeXBlc10ueG1sUEsBAhQDFAAAAAgAXb6BXUuDozqWAAAABQEAAAsAAAAAAAAAAAAAAIAB/gAAAF9yZWxzLy5yZWxzUEsBAhQDFAAAAAgAXb6BXe9sYwYeAAAAHAAAAA8AAAAAAAAAAAAAAIABvQEAAHhsL3dvcmtib29rLnhtbFBLBQYAAAAAAwADALcAAAAIAgAAAAA=',
    ),
    /** An OLE2 compound file header: what a .doc, an .xls (or an .msi) starts with. */
    compoundFile: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]),
    /** A ZIP holding a.txt ("hello"). */
    zip: base64(
      'UEsDBBQAAAAAAF2+gV2GphA2BQAAAAUAAAAFAAAAYS50eHRoZWxsb1BLAQIUAxQAAAAAAF2+gV2GphA2BQAAAAUAAAAFAAAAAAAAAAAAAACAAQAAAABhLnR4dFBLBQYAAAAAAQABADMAAAAoAAAAAAA=',
    ),
    csvUtf8: Buffer.from('\ufeff費目,金額\n施設整備費,60000000\n'),
    /** 費目,金額 in Shift_JIS, as Excel saves a CSV in Japan. */
    csvShiftJis: Buffer.from('94ef96da2c8be08a7a0d0a', 'hex'),
    /** The start of a Linux executable. */
    elf: Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(64)]),
  };
}
