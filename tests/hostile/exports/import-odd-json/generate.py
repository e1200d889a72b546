# Too big to keep as files: nesting 200,000 deep, and a 6,000-digit number next to 1e999.
(work / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
(work / "huge.json").write_text('{"target": {"selector": {"type": "TextPositionSelector", "start": ' + "9" * 6000
                                + ', "end": 1e999}}, "body": "huge"}')
