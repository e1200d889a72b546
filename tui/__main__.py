from byline.tui.cli import main

raise SystemExit(main())
