import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { draftOf, pdfBytes, readSideMeets, uploadThroughApi } from './support/award-setup';
import { readsOf, readsWhileHeld } from './support/reads-of';
import { checkScreen } from './support/screens';
import { useRunningSystem } from './support/running-system';
import { signInAsMunicipality } from './support/sign-in';
import { signInWithRole } from './support/sign-in-as';

const MAX_BYTES = 3 * 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The progress bar's value and maximum, read in the page. */
const progressOf = (page: Page) =>
  page.evaluate<{ value: number; max: number } | null>(
    "(() => { const bar = document.querySelector('#upload-progress-bar'); return bar ? { value: bar.value, max: bar.max } : null; })()",
  );

// Each test walks a whole task through two browsers and axe; a shared two-core machine can be slow.
jest.setTimeout(180_000);

describe('Documents: upload with progress and a receipt, the list and downloads, refusals at the field, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T14:00:00+09:00', () => ({
    DOCUMENT_MAX_BYTES: String(MAX_BYTES),
  }));
  let page: Page;

  beforeAll(async () => {
    page = await system.newPage();
    await signInAsMunicipality(page, system.baseUrl);
  });

  it('uploads a business plan, shows its progress, then a receipt whose SHA-256 is the file’s own, and downloads the same bytes', async () => {
    const id = await draftOf(system, '空き家を改修した交流拠点');
    const bytes = pdfBytes(2 * 1024 * 1024);
    await page.goto(`${system.baseUrl}/applications/${id}`);
    await page.getByRole('heading', { name: '添付書類' }).waitFor();
    await page.getByText('まだ書類はありません。').waitFor();

    // About two seconds on the wire, so the bar is seen between empty and full.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1_000_000,
    });
    await page.getByLabel('書類の種類').selectOption({ label: '事業計画書' });
    await page
      .getByLabel('ファイル')
      .setInputFiles({ name: '事業計画書.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.getByText('送信中').waitFor();
    let midway: { value: number; max: number } | null = null;
    for (let attempt = 0; attempt < 200 && !midway; attempt++) {
      const progress = await progressOf(page);
      if (progress && progress.value > 0 && progress.value < progress.max) midway = progress;
      else await page.waitForTimeout(20);
    }
    expect(midway).not.toBeNull();
    await page.screenshot({ path: 'test-results/screens/60-document-uploading.png', fullPage: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const receipt = page.getByTestId('document-receipt');
    await receipt.waitFor();
    expect(await page.getByTestId('receipt-sha256').textContent()).toBe(sha256(bytes));
    expect(await page.getByTestId('receipt-name').textContent()).toBe('事業計画書.pdf');
    expect(await page.getByTestId('receipt-size').textContent()).toBe('2,097,152\u00a0バイト（2.0\u00a0MB）');
    expect(await page.getByTestId('receipt-received-at').textContent()).toContain(
      '2025/06/02 14:00:00（日本時間・令和7年6月2日(月)）',
    );
    // The bar counts the multipart body: the file and the parts around it.
    const done = await progressOf(page);
    expect(done!.value).toBe(done!.max);
    expect(done!.max).toBeGreaterThan(bytes.length);
    await page.getByText('送信完了').waitFor();
    expect(await page.getByTestId('upload-percent').textContent()).toBe('100%');
    expect(await page.getByTestId('upload-progress').textContent()).toContain(
      '事業計画書.pdf（2,097,152\u00a0バイト（2.0\u00a0MB））',
    );
    // Ready for the next document: a second click does not file this one again.
    expect(await page.getByLabel('ファイル').inputValue()).toBe('');
    expect(await page.getByLabel('書類の種類').inputValue()).toBe('');

    const row = page.getByTestId('document-list').getByRole('row', { name: /事業計画書\.pdf/ });
    await row.getByText(sha256(bytes)).waitFor();
    // The list gives the same instant as the receipt above it, to the second.
    expect(await row.textContent()).toContain('2025/06/02 14:00:00');
    await checkScreen(page, '61-document-receipt');
    // The next send (here refused: nothing chosen) no longer shows the last one's receipt beside its errors.
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.locator('#field-document-kind-error').getByText('書類の種類を選んでください。').waitFor();
    expect(await receipt.count()).toBe(0);
    await row.getByText(sha256(bytes)).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: '事業計画書.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('事業計画書.pdf');
    expect(sha256(await readFile((await download.path())!))).toBe(sha256(bytes));
  });

  it('refuses a file above the size limit and a file of the wrong type, in Japanese at the field, and stores neither', async () => {
    const id = await draftOf(system, '古民家の宿泊施設');
    await page.goto(`${system.baseUrl}/applications/${id}`);
    await page.getByRole('heading', { name: '添付書類' }).waitFor();

    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.locator('#field-document-kind-error').getByText('書類の種類を選んでください。').waitFor();
    await page.locator('#field-document-file-error').getByText('ファイルを選んでください。').waitFor();
    const summary = page.getByRole('alert').filter({ hasText: '書類を提出できませんでした' });
    // Each error once, as at its field (Digital Agency error summary), not 「ファイル：ファイルを…」.
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      '書類の種類を選んでください。',
      'ファイルを選んでください。',
    ]);

    await page.getByLabel('書類の種類').selectOption({ label: '融資確約書・出資の証明' });
    await page.getByLabel('ファイル').setInputFiles({
      name: '融資確約書.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes(MAX_BYTES + 1),
    });
    // The limit is said before anything is sent, and a larger file is refused without sending it.
    await page.getByText('1ファイル3,145,728\u00a0バイト（3.0\u00a0MB）まで').waitFor();
    const sent: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().includes('/documents')) sent.push(request.url());
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'アップロードする' }).click();
    const fieldError = page.locator('#field-document-file-error');
    const tooLarge =
      'ファイルが大きすぎます：選んだファイルは3,145,729\u00a0バイト（3.0\u00a0MB）で、上限の3,145,728\u00a0バイト（3.0\u00a0MB）を1\u00a0バイト超えています。上限以下のファイルを選んでください。';
    await fieldError.getByText(tooLarge).waitFor();
    page.off('request', onRequest);
    expect(sent).toEqual([]);
    await summary.getByRole('link', { name: tooLarge }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([tooLarge]);
    await summary.getByRole('link', { name: tooLarge }).click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('field-document-file');
    await checkScreen(page, '62-document-too-large');

    await page.getByLabel('ファイル').setInputFiles({
      name: 'メモ.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('これはテキストファイルです。\n'),
    });
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await fieldError.getByText(/この形式のファイルは提出できません。PDF、画像/).waitFor();
    await checkScreen(page, '63-document-wrong-type');
    expect(await page.getByTestId('document-receipt').count()).toBe(0);
    await page.getByText('まだ書類はありません。').waitFor();
  });

  it('an upload whose answer was lost, sent again, is filed once and answered with its receipt', async () => {
    const id = await draftOf(system, '里山の木工房');
    const bytes = pdfBytes(40_000);
    await page.goto(`${system.baseUrl}/applications/${id}`);
    await page.getByRole('heading', { name: '添付書類' }).waitFor();
    await page.getByLabel('書類の種類').selectOption({ label: '事業計画書' });
    await page
      .getByLabel('ファイル')
      .setInputFiles({ name: '木工房の計画書.pdf', mimeType: 'application/pdf', buffer: bytes });

    // The upload reaches the API and is filed; its answer never reaches the browser.
    const keys: string[] = [];
    await page.route('**/v1/applications/*/documents', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page
      .locator('#field-document-file-error')
      .getByText(/サーバーから応答がありませんでした。.*二重には提出されません/)
      .waitFor();

    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.getByTestId('document-receipt').waitFor();
    await page.unroute('**/v1/applications/*/documents');
    expect(await page.getByTestId('receipt-sha256').textContent()).toBe(sha256(bytes));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const rows = page.getByTestId('document-list').getByRole('row', { name: /木工房の計画書\.pdf/ });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await page.reload();
    await page
      .getByTestId('document-list')
      .getByRole('row', { name: /木工房の計画書\.pdf/ })
      .first()
      .waitFor();
    expect(await rows.count()).toBe(1);
  });

  it('pages the list ten at a time, oldest first', async () => {
    const id = await draftOf(system, '地元食材のレストラン');
    for (let index = 1; index <= 11; index++)
      await uploadThroughApi(
        system,
        id,
        `写真${String(index).padStart(2, '0')}.pdf`,
        pdfBytes(1_000 + index, index),
      );
    await page.goto(`${system.baseUrl}/applications/${id}`);
    const list = page.getByTestId('document-list');
    await list.getByRole('link', { name: '写真01.pdf' }).waitFor();
    expect(await list.getByRole('row').count()).toBe(11);
    expect(await list.getByRole('link', { name: '写真11.pdf' }).count()).toBe(0);
    await list.getByRole('button', { name: '次の10件' }).click();
    await list.getByRole('link', { name: '写真11.pdf' }).waitFor();
    await list.getByText('2ページ目').waitFor();
    expect(await list.getByTestId('document-page').textContent()).toBe('2ページ目（11件目／全11件）');
    // The last page's 次の10件 is greyed out, unlike 前の10件 beside it.
    const textColour = (name: string) =>
      list
        .getByRole('button', { name })
        .evaluate((button) => button.ownerDocument.defaultView?.getComputedStyle(button).color);
    expect(await list.getByRole('button', { name: '次の10件' }).isDisabled()).toBe(true);
    expect(await textColour('次の10件')).not.toBe(await textColour('前の10件'));
    expect(await list.getByRole('heading').textContent()).toBe('提出済みの書類（全11件）');
    expect(await list.getByRole('row').count()).toBe(2);
    await checkScreen(page, '64-document-list-page-2');
    await list.getByRole('button', { name: '前の10件' }).click();
    await list.getByRole('link', { name: '写真01.pdf' }).waitFor();

    // The programme officer's screen pages the same documents from the application's answer,
    // which carries them all: no list is asked for.
    await readSideMeets(
      system,
      id,
      (answer) => Array.isArray(answer.documents) && answer.documents.length === 11,
      'with 11 documents',
    );
    const officer = await system.newPage();
    await signInWithRole(officer, system.baseUrl, '総務省 担当官', '田中 花子');
    const documentReads = readsOf(officer, /\/documents$/);
    await officer.goto(`${system.baseUrl}/officer/applications/${id}`);
    const officerList = officer.getByTestId('document-list');
    await officerList.getByRole('link', { name: '写真01.pdf' }).waitFor();
    expect(await officerList.getByRole('heading').textContent()).toBe('提出済みの書類（全11件）');
    expect(await officerList.getByRole('row').count()).toBe(11);
    expect(await officerList.getByRole('button', { name: '前の10件' }).isDisabled()).toBe(true);
    await officerList.getByRole('button', { name: '次の10件' }).click();
    await officerList.getByRole('link', { name: '写真11.pdf' }).waitFor();
    expect(await officerList.getByTestId('document-page').textContent()).toBe('2ページ目（11件目／全11件）');
    expect(await officerList.getByRole('button', { name: '次の10件' }).isDisabled()).toBe(true);
    await officerList.getByRole('button', { name: '前の10件' }).click();
    await officerList.getByRole('link', { name: '写真10.pdf' }).waitFor();
    expect(documentReads.stop()).toEqual([]);
  });

  it('asks for the list beside the application, not once the application has come', async () => {
    const id = await draftOf(system, '古民家の宿泊施設');
    const asked = await readsWhileHeld(page, `**/v1/applications/${id}`, /\/documents$/, 1, () =>
      page.goto(`${system.baseUrl}/applications/${id}`),
    );
    expect(asked).toEqual([`/v1/applications/${id}/documents`]);
    await page.getByText('まだ書類はありません。').waitFor();
  });
});
