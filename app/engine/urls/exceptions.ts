/** Port of django/urls/exceptions.py (Resolver404, NoReverseMatch). */
import { PythonError } from '../core/exceptions.ts'
import { Http404 } from '../http/response-subclasses.ts'
import { py_repr } from './repr.ts'

/** What a Resolver404 carries as `args[0]`: the path left to match and the patterns tried. */
export interface Resolver404Info {
  path: string
  tried?: unknown[][]
}

/** No URL pattern matched; a 404. `args[0]` is Django's `{"tried": [...], "path": ...}` dict. */
export class Resolver404 extends Http404 {
  readonly args: [Resolver404Info]

  constructor(info: Resolver404Info) {
    super('')
    this.args = [info]
    // str(e) is the dict's repr; build it only when read (every non-matching include raises one).
    let text: string | null = null
    Object.defineProperty(this, 'message', { get: () => (text ??= py_repr(info)), configurable: true, enumerable: false })
  }
}

/** reverse() found no pattern for the name and arguments. A plain Exception, not a 404. */
export class NoReverseMatch extends PythonError {}
