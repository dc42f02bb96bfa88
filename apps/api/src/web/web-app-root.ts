/** Injection token: the folder holding the built web front end (index.html, assets/). */
export const WEB_APP_ROOT = Symbol('WEB_APP_ROOT');
