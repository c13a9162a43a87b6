"""The start-up floor: what any PySide6 + SQLAlchemy desktop program pays before its first paint.

A bare main window, SQLAlchemy with ten mapped models, one query against an SQLite file, and the
window painted: ``python startup_floor.py FILE`` prints ``first-paint <s>`` then quits, as the
application does under SST_DESKTOP_STARTUP_PROBE. The start-up benchmark times it in alternation
with the application, so the ratio holds on a busy machine.
"""

from __future__ import annotations

import sys
import time

START = time.perf_counter()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402
from sqlalchemy import ForeignKey, String, create_engine, select  # noqa: E402
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column  # noqa: E402


class Base(DeclarativeBase):
    pass


def _model(number: int) -> type[Base]:
    attributes: dict[str, object] = {
        "__tablename__": f"table_{number}",
        "__annotations__": {"id": Mapped[int], "name": Mapped[str]},
        "id": mapped_column(primary_key=True),
        "name": mapped_column(String(200)),
    }
    if number:
        attributes["__annotations__"]["parent_id"] = Mapped[int | None]  # type: ignore[index]
        attributes["parent_id"] = mapped_column(ForeignKey(f"table_{number - 1}.id"), nullable=True)
    return type(f"Model{number}", (Base,), attributes)


MODELS = [_model(n) for n in range(10)]


class Window(QMainWindow):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.setCentralWidget(QLabel("\n".join(names) or "empty"))
        self.resize(1366, 768)
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            print(f"first-paint {time.perf_counter() - START:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        names = list(session.scalars(select(MODELS[0].name).limit(20)))  # type: ignore[attr-defined]
    window = Window(names)
    window.show()
    app.exec()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
