import { knownPage } from '../src/screens/documents/known-page';

/** Documents the application's answer already holds, paged on the screen as the API pages them. */
describe('a page of documents already at hand', () => {
  const documents = Array.from({ length: 23 }, (_, index) => `document ${index + 1}`);

  it('gives ten to a page in the order received, and says whether more follow', () => {
    expect(knownPage(documents, 1, 10)).toEqual({ items: documents.slice(0, 10), more: true, page: 1 });
    expect(knownPage(documents, 2, 10)).toEqual({ items: documents.slice(10, 20), more: true, page: 2 });
    expect(knownPage(documents, 3, 10)).toEqual({ items: documents.slice(20), more: false, page: 3 });
  });

  it('says no more follow when the last page is exactly full', () => {
    expect(knownPage(documents.slice(0, 20), 2, 10)).toEqual({
      items: documents.slice(10, 20),
      more: false,
      page: 2,
    });
  });

  it('gives an empty first page for no documents', () => {
    expect(knownPage([], 1, 10)).toEqual({ items: [], more: false, page: 1 });
  });

  it('gives the last page when the list now holds fewer pages than the one asked for', () => {
    expect(knownPage(documents.slice(0, 12), 3, 10)).toEqual({
      items: documents.slice(10, 12),
      more: false,
      page: 2,
    });
    expect(knownPage([], 2, 10)).toEqual({ items: [], more: false, page: 1 });
  });
});
