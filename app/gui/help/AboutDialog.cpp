#include "help/AboutDialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#ifndef HEADWAY_GRAPHVIZ_VERSION
#define HEADWAY_GRAPHVIZ_VERSION "unknown"
#endif

namespace headway {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Headway"));
    setAccessibleName(tr("About Headway"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/io.headway.Headway.svg")).pixmap(64, 64));
    icon->setAccessibleName(tr("Headway's icon"));
    icon->setAlignment(Qt::AlignTop);

    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    auto *body = new QLabel(this);
    body->setObjectName(QStringLiteral("aboutText"));
    body->setTextFormat(Qt::RichText);
    body->setWordWrap(true);
    body->setOpenExternalLinks(true);
    body->setTextInteractionFlags(Qt::TextBrowserInteraction); // selectable and copyable, links by keyboard
    body->setText(
        tr("<h3>Headway %1</h3>"
           "<p>Shows the Alembic revision graph of a Flask-Migrate or Alembic project and what is wrong with it "
           "(several heads, missing revisions, broken files), and helps fix it.</p>"
           "<p>Migration files are read statically: no Python, no database, no virtualenv needed to see the graph.</p>")
            .arg(QStringLiteral(HEADWAY_VERSION))
        + tr("<p>Qt %1 (built with %2)<br>Graphviz %3</p>")
              .arg(runtimeQt, builtQt, graphvizVersion())
        + tr("<p><b>Licence:</b> Headway's own licence has not been chosen yet; until it is, all rights stay with "
             "its authors. It uses <a href=\"https://www.qt.io/licensing/\">Qt</a> under the GNU LGPL version 3 "
             "and <a href=\"https://graphviz.org/license/\">Graphviz</a> under the Eclipse Public License 1.0.</p>"));
    body->setAccessibleName(tr("About Headway"));
    body->setAccessibleDescription(QTextDocumentFragment::fromHtml(body->text()).toPlainText());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(body, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    buttons->button(QDialogButtonBox::Close)->setFocus();
    resize(520, sizeHint().height());
}

AboutDialog *AboutDialog::showFor(QWidget *window)
{
    auto *dialog = window->findChild<AboutDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new AboutDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QString AboutDialog::graphvizVersion()
{
    return QStringLiteral(HEADWAY_GRAPHVIZ_VERSION);
}

QString AboutDialog::text() const
{
    const auto *body = findChild<QLabel *>(QStringLiteral("aboutText"));
    return body ? QTextDocumentFragment::fromHtml(body->text()).toPlainText() : QString();
}

} // namespace headway
