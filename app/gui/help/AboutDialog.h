// Help ▸ About Headway: what Headway is, its version, the versions of Qt
// (built with and running) and Graphviz it uses, and the licence note.
#pragma once

#include <QDialog>

namespace headway {

class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // Shows the window's one About dialog, non-modal.
    static AboutDialog *showFor(QWidget *window);

    static QString graphvizVersion(); // from pkg-config at build time: gvc's own call needs a GVC_t
    QString text() const;             // everything shown, as plain text
};

} // namespace headway
