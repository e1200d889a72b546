# Three articles, two of them under names that are Latin-1 bytes, not UTF-8.
import os

work = globals()["work"]  # the case's work folder, given by the runner

folder = work / "archive"
folder.mkdir()
for name, town in ((b"caf\xe9.txt", "Riga"), (b"r\xe9sum\xe9.txt", "Tartu"), (b"plain.txt", "Narva")):
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(f"The mayor of {town} said on Tuesday that the plan would cost 12 million euros.\n".encode())
