/** The URLconf: Django matches the path against these patterns, in order. */
import { path } from 'django/urls'
import * as views from './views'

export const urlpatterns = [
  path('', views.home, { name: 'home' }),
  path('echo/', views.echo, { name: 'echo' }),
  path('echo/<str:word>/', views.echo_word, { name: 'echo-word' }),
  path('form/', views.form, { name: 'form' }),
  path('note/', views.note, { name: 'note' }),
  path('note/saved/', views.note_saved, { name: 'note-saved' }),
  path('login/', views.login_view, { name: 'login' }),
  path('logout/', views.logout_view, { name: 'logout' }),
  path('whoami/', views.whoami, { name: 'whoami' }),
  path('secret/', views.secret, { name: 'secret' }),
  path('cookie/', views.cookie, { name: 'cookie' }),
  path('counter/', views.counter, { name: 'counter' }),
  path('upload/', views.upload, { name: 'upload' }),
  path('scripts/', views.scripts, { name: 'scripts' }),
  path('api/time/', views.api_time, { name: 'api-time' }),
  path('api/like/', views.api_like, { name: 'api-like' }),
  path('hop/<int:n>/', views.hop, { name: 'hop' }),
  path('hop/done/', views.hop_done, { name: 'hop-done' }),
  path('download/', views.download, { name: 'download' }),
]
