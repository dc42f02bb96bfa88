export * from './document-kinds';
export * from './attached-document';
export * from './commands';
export * from './events';
export { attachDocument, mayAttachDocument } from './attach-document';
