#include "UpstreamRef.h"

#include <QSet>

namespace headway {

namespace {

const QString remotesPrefix = QStringLiteral("refs/remotes/");

// git's own lookup order for a short name (gitrevisions(7)).
const GitRef *lookup(const QList<GitRef> &refs, const QString &name)
{
    const QStringList full{QStringLiteral("refs/") + name, QStringLiteral("refs/tags/") + name,
                           QStringLiteral("refs/heads/") + name, remotesPrefix + name,
                           remotesPrefix + name + QStringLiteral("/HEAD")};
    for (const QString &candidate : full)
        for (const GitRef &ref : refs)
            if (ref.name == candidate)
                return &ref;
    return nullptr;
}

QString remoteOf(const QString &remoteRef)
{
    return remoteRef.mid(remotesPrefix.size()).section(QLatin1Char('/'), 0, 0);
}

} // namespace

QString UpstreamRef::discover(const QList<GitRef> &refs, const QString &branch)
{
    for (const char *name : {"upstream/main", "upstream/master", "upstream/HEAD"})
        if (lookup(refs, QLatin1String(name)))
            return QLatin1String(name);
    QString tracked;
    for (const GitRef &ref : refs)
        if (ref.name == branch && ref.upstream.startsWith(remotesPrefix))
            tracked = remoteOf(ref.upstream);
    // The one other remote there is: a fork's second remote is its upstream.
    QStringList others;
    for (const GitRef &ref : refs)
        if (ref.name.startsWith(remotesPrefix) && !tracked.isEmpty() && remoteOf(ref.name) != tracked
            && !others.contains(remoteOf(ref.name)))
            others += remoteOf(ref.name);
    if (others.size() == 1)
        for (const char *branchName : {"HEAD", "main", "master"})
            if (const QString name = others.first() + QLatin1Char('/') + QLatin1String(branchName); lookup(refs, name))
                return name;
    for (const char *name : {"origin/main", "origin/master"})
        if (lookup(refs, QLatin1String(name)))
            return QLatin1String(name);
    return {};
}

UpstreamRef UpstreamRef::find(const GitObjects &objects, const QString &requested)
{
    UpstreamRef upstream;
    upstream.name = requested.isEmpty() ? discover(objects.refs(), objects.checkout().branch) : requested;
    if (upstream.name.isEmpty()) {
        upstream.problem = QStringLiteral("No upstream ref: none of upstream/main, upstream/master, upstream/HEAD, "
                                          "a second remote, origin/main or origin/master exists. Add the upstream "
                                          "remote (git remote add upstream URL && git fetch upstream) or name the "
                                          "ref with --upstream.");
        return upstream;
    }
    QString error;
    upstream.commit = objects.commitOf(upstream.name, &error);
    if (upstream.commit.isEmpty())
        upstream.problem = QStringLiteral("The upstream ref %1 names no commit (%2); fetch it or name another with --upstream.")
                               .arg(upstream.name, error);
    return upstream;
}

} // namespace headway
