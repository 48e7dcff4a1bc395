#include "GraphvizLayoutEngine.h"

#include "GraphvizContext.h"
#include "GraphvizGraph.h"
#include "RunCondenser.h"

#include <QElapsedTimer>

#if defined(Q_OS_UNIX)
#include <locale.h>
#endif

namespace headway {

namespace {

// Graphviz parses numbers with strtod, which follows LC_NUMERIC. The application sets
// LC_NUMERIC to "C" at start-up (after QCoreApplication, which applies the user's
// locale); this guard also switches the calling thread alone to "C" for the
// layout, so a library user that forgot cannot get "0,5" misread as 0.
class CNumericLocale
{
public:
#if defined(Q_OS_UNIX)
    CNumericLocale()
    {
        // The thread's other categories stay as they are.
        const locale_t current = duplocale(uselocale(locale_t(nullptr)));
        m_locale = current ? newlocale(LC_NUMERIC_MASK, "C", current) : locale_t(nullptr);
        if (!m_locale) {
            if (current)
                freelocale(current);
            return;
        }
        m_previous = uselocale(m_locale);
    }
    ~CNumericLocale()
    {
        if (m_locale) {
            uselocale(m_previous);
            freelocale(m_locale);
        }
    }

private:
    locale_t m_locale = nullptr;
    locale_t m_previous = nullptr;
#endif
};

} // namespace

GraphLayout GraphvizLayoutEngine::layout(const LayoutInput &input) const
{
    QElapsedTimer timer;
    timer.start();
    const CNumericLocale numericLocale;
    const GraphvizMessageCapture messages;

    GraphLayout result;
    if (input.options.condenseRuns) {
        const RunCondenser condenser(input);
        result = condenser.expand(layOutWithGraphviz(m_context, condenser.condensed()));
    } else {
        result = layOutWithGraphviz(m_context, input);
    }
    result.diagnostics = messages.diagnostics() + result.diagnostics;
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace headway
