"""`python -m dashboard`: the command line (`dashboard.cli`).

A command that returns ends the process at once (`os._exit`, once its output is flushed), as
mypy's does: the interpreter's orderly exit frees every object a build made (its index of
every article...), a tenth of a second and more of a rebuild's, for nothing. Every file and
database the command wrote is closed by then, and its threads and processes are joined. An
exception still ends the process the ordinary way, with its traceback, and so does a process
being profiled or traced (cProfile, coverage), whose tools write their reports at exit.
"""

import os
import sys

from dashboard.cli import main

code = main()
if sys.getprofile() is not None or sys.gettrace() is not None:
    sys.exit(code)
try:
    sys.stdout.flush()
    sys.stderr.flush()
except OSError:  # (a closed pipe: the ordinary exit reports it)
    sys.exit(code)
os._exit(code or 0)
