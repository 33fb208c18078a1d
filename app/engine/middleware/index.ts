/** django.middleware: CommonMiddleware (CSRF lives in csrf/, sessions and auth in their own folders). */
export { CommonMiddleware } from './common.ts'
