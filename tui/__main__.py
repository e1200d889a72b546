from byline.tui.cli import main

if __name__ == "__main__":  # not again in a worker process started by spawn (a rebuild's)
    raise SystemExit(main())
