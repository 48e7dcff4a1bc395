#include "window/LoadProgressIndicator.h"

namespace headway {

LoadProgressIndicator::LoadProgressIndicator(QWidget *parent)
    : ProgressIndicator(tr("Loading"), tr("Stop loading; the repository on screen stays as it is"), parent)
{
}

void LoadProgressIndicator::setProgress(int done, int total)
{
    ProgressIndicator::setProgress(done, total, tr("%1 of %2 migration files read").arg(done).arg(total));
}

} // namespace headway
