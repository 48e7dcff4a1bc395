// "Preview Merge of <ref>…": the graph `git merge REF` would produce, before
// it is made — the heads after it, what comes in, the files git would stop
// on, what collides between the branches, and whether a rebase could replace
// the merge migration. Computed off the GUI thread from git objects (nothing
// in the checkout changes); Cancel stops it.
#pragma once

#include "fork/MergePreview.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace headway {

class MergeConflictsView;

class MergePreviewDialog : public QDialog
{
    Q_OBJECT

public:
    MergePreviewDialog(std::shared_ptr<const Repository> repository, const QString &ref, QWidget *parent = nullptr);
    ~MergePreviewDialog() override;

    void preview(); // for the ref in the field
    bool isPreviewing() const { return m_previewing; }
    const MergePreviewResult *result() const { return m_result.get(); }
    QString summaryText() const;
    MergeConflictsView *conflictsView() const { return m_conflicts; }

Q_SIGNALS:
    void previewShown();
    void revisionActivated(const QString &id);

private:
    void showResult(std::shared_ptr<const MergePreviewResult> result);
    QString summaryHtml(const MergePreviewResult &result) const;

    std::shared_ptr<const Repository> m_repository;
    QLineEdit *m_ref;
    QPushButton *m_previewButton;
    QPushButton *m_cancelButton;
    QLabel *m_summary;
    QVBoxLayout *m_conflictsArea;
    MergeConflictsView *m_conflicts = nullptr;
    std::shared_ptr<const MergePreviewResult> m_result;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_job = 0;
    bool m_previewing = false;
};

} // namespace headway
