import { sampleFiles } from '../../../test/documents/sample-files';
import { contentTypeOf } from './content-type';

describe('the content type, found in the bytes', () => {
  const samples = sampleFiles();

  it.each<[string, keyof typeof samples, string]>([
    ['report.pdf', 'pdf', 'application/pdf'],
    ['photo.png', 'png', 'image/png'],
    ['photo.jpg', 'jpeg', 'image/jpeg'],
    ['scan.gif', 'gif', 'image/gif'],
    ['scan.tif', 'tiff', 'image/tiff'],
    ['事業計画書.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['収支.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['old.doc', 'compoundFile', 'application/msword'],
    ['old.xls', 'compoundFile', 'application/vnd.ms-excel'],
    ['bundle.zip', 'zip', 'application/zip'],
    ['実績.csv', 'csvUtf8', 'text/csv; charset=utf-8'],
    ['実績.csv', 'csvShiftJis', 'text/csv; charset=shift_jis'],
    // The name does not decide: a PDF called .png is a PDF.
    ['misnamed.png', 'pdf', 'application/pdf'],
  ])('accepts %s, the %s sample, as %s', async (name, sample, contentType) => {
    const bytes = samples[sample];
    expect(await contentTypeOf(bytes, name)).toEqual({ ok: true, contentType });
  });

  it.each([
    ['an executable called .pdf', 'invoice.pdf', samples.elf],
    ['a compound file that is no doc or xls', 'setup.msi', samples.compoundFile],
    ['text without a .csv name', 'notes.txt', samples.csvUtf8],
    ['binary called .csv', 'data.csv', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05])],
    ['a shell script called .csv', 'run.csv', Buffer.from('#!/bin/sh\nrm -rf /\n\u0007')],
  ])('refuses %s', async (_case, name, bytes) => {
    expect(await contentTypeOf(bytes, name)).toMatchObject({ ok: false });
  });
});
