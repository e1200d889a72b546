import os
import subprocess
import sys
import time

from byline.tui.core.store import Store

store = Store()
proc = subprocess.Popen([sys.executable, "-c", "pass"])
proc.wait()
for folder, name in ((store.path, "index.json"), (store.path / "articles", "x.json")):
    tmp = folder / f".{name}.{proc.pid}.1.tmp"
    tmp.write_text('{"half": ')
    os.utime(tmp, (time.time() - 60,) * 2)
