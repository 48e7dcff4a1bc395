// The status bar's loading indicator: what is loading, how many migration
// files were read, and a Cancel button. Shown only while the session is busy.
#pragma once

#include "window/ProgressIndicator.h"

namespace headway {

class LoadProgressIndicator : public ProgressIndicator
{
    Q_OBJECT

public:
    explicit LoadProgressIndicator(QWidget *parent = nullptr);

    void setProgress(int done, int total); // migration files read of all found
};

} // namespace headway
