/** `django/test` for user code (and the playground's `requests.ts` scripts). */
export { AsyncClient, AsyncRequestFactory, Client, RequestFactory } from '../../engine/testing/index.ts'
