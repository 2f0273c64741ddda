/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    app: import('./lib/app.ts').App;
    viewer: import('../core/content/article.ts').Viewer;
  }
}
