#include "ReportCommand.h"

#include "ArgumentList.h"
#include "TableWriter.h"

#include "multiobjective/Hypervolume.h"
#include "multiobjective/ParetoRanking.h"
#include "space/Nb201Format.h"
#include "space/SpaceSize.h"
#include "storage/SqliteStudyStorage.h"
#include "study/Study.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <set>
#include <stdexcept>

namespace archscape::cli {

namespace {

bool isNb201Space(const ArchitectureCodec& codec)
{
    return codec.space().cells().size() == 1 && codec.space().cells().begin()->second.nodes == 4;
}

// Known metrics first in the contract's order, then any others by name.
std::vector<std::string> metricColumns(const std::vector<TrialRecord>& trials)
{
    std::set<std::string> present;
    for (const auto& t : trials)
        for (const auto& [name, value] : t.metrics)
            present.insert(name);
    std::vector<std::string> columns;
    for (const auto& known : knownMetricNames())
        if (present.erase(known))
            columns.push_back(known);
    columns.insert(columns.end(), present.begin(), present.end());
    return columns;
}

// In text tables a NAS-Bench-201 architecture reads best as its cell
// string; other encodings are cut to fit. CSV keeps the full encoding.
std::string architectureText(const Study& study, const TrialRecord& t, bool csv)
{
    if (csv)
        return t.encoding;
    if (isNb201Space(study.codec()))
        return Nb201Format::format(study.codec(), study.codec().decode(t.encoding));
    return t.encoding.size() > 60 ? t.encoding.substr(0, 57) + "..." : t.encoding;
}

std::vector<std::string> trialRow(const Study& study, const TrialRecord& t,
                                  const std::vector<std::string>& columns, bool csv)
{
    std::vector<std::string> row{std::to_string(t.number), trialStateName(t.state)};
    for (const auto& c : columns) {
        auto v = t.metric(c);
        row.push_back(v ? TableWriter::number(*v) : "");
    }
    row.push_back(architectureText(study, t, csv));
    return row;
}

std::vector<std::string> header(const std::vector<std::string>& columns)
{
    std::vector<std::string> h{"trial", "state"};
    h.insert(h.end(), columns.begin(), columns.end());
    h.push_back("architecture");
    return h;
}

void print(const TableWriter& table, bool csv)
{
    if (csv)
        table.printCsv(std::cout);
    else
        table.printText(std::cout);
}

std::vector<Objective> objectivesFor(const Study& study, const ArgumentList& list,
                                     const char* option, size_t minimum)
{
    std::string text;
    if (auto given = list.value(option))
        text = *given;
    else if (study.settings() && study.settings()->objectives.size() >= minimum) {
        for (const auto& o : study.settings()->objectives)
            text += (text.empty() ? "" : ",") + o.toString();
    } else {
        text = minimum > 1 ? "valid_acc:max,params:min" : "valid_acc:max";
    }
    try {
        auto objectives = Objective::parseList(text);
        if (objectives.size() < minimum)
            throw UsageError(std::string(option) + " needs at least " + std::to_string(minimum)
                             + " objectives");
        return objectives;
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

} // namespace

const char* ReportCommand::trialsUsage()
{
    return "usage: archscape-cli trials STUDY.db [--state STATE] [--csv]\n"
           "\n"
           "Lists the study's trials with their metrics, in proposal order.\n"
           "States: queued, running, complete, failed, pruned. --csv writes CSV with\n"
           "full architecture encodings.\n";
}

const char* ReportCommand::paretoUsage()
{
    return "usage: archscape-cli pareto STUDY.db [--objectives acc,params] [--csv]\n"
           "\n"
           "Prints the non-dominated complete trials for the given objectives (default:\n"
           "the study's own when it has several, else valid_acc:max,params:min), sorted\n"
           "by the first, with the front's hypervolume for two or three objectives.\n"
           "A direction may follow a name (acc:max, params:min); the metric's natural\n"
           "direction is used otherwise.\n";
}

const char* ReportCommand::bestUsage()
{
    return "usage: archscape-cli best STUDY.db [--objective acc]\n"
           "\n"
           "Prints the complete trial with the best value of one objective (default:\n"
           "the study's first) and all its metrics; for NAS-Bench-201, test_acc is\n"
           "the figure to report.\n";
}

const char* ReportCommand::infoUsage()
{
    return "usage: archscape-cli info STUDY.db\n\nSummarises a study: its space, settings and trials.\n";
}

int ReportCommand::runTrials(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--state"}, {"--help", "--csv"});
    if (list.has("--help")) {
        std::cout << trialsUsage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("trials needs exactly one STUDY.db");
    std::optional<TrialState> state;
    if (auto s = list.value("--state")) {
        state = trialStateFromName(*s);
        if (!state)
            throw UsageError("unknown state '" + *s
                             + "' (queued, running, complete, failed, pruned)");
    }
    auto study = Study::open(list.positional().front());
    std::vector<TrialRecord> trials = study->storage().trials();
    if (state)
        trials.erase(std::remove_if(trials.begin(), trials.end(),
                                    [&](const TrialRecord& t) { return t.state != *state; }),
                     trials.end());
    std::vector<std::string> columns = metricColumns(trials);
    TableWriter table(header(columns));
    for (const auto& t : trials)
        table.addRow(trialRow(*study, t, columns, list.has("--csv")));
    print(table, list.has("--csv"));
    return 0;
}

int ReportCommand::runPareto(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--objectives"}, {"--help", "--csv"});
    if (list.has("--help")) {
        std::cout << paretoUsage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("pareto needs exactly one STUDY.db");
    auto study = Study::open(list.positional().front());
    std::vector<Objective> objectives = objectivesFor(*study, list, "--objectives", 2);

    std::vector<TrialRecord> complete;
    std::vector<std::vector<double>> points;
    for (auto& t : study->storage().trials()) {
        if (t.state != TrialState::Complete)
            continue;
        std::vector<double> p;
        for (const auto& o : objectives) {
            auto v = t.metric(o.metric);
            if (!v)
                break;
            p.push_back(o.minimized(*v));
        }
        if (p.size() != objectives.size())
            continue;
        points.push_back(std::move(p));
        complete.push_back(std::move(t));
    }
    std::vector<int> front = ParetoRanking::nonDominated(points);
    std::sort(front.begin(), front.end(), [&](int a, int b) { return points[a] < points[b]; });
    std::vector<TrialRecord> members;
    for (int i : front)
        members.push_back(complete[static_cast<size_t>(i)]);
    std::vector<std::string> columns = metricColumns(members);
    TableWriter table(header(columns));
    for (const auto& t : members)
        table.addRow(trialRow(*study, t, columns, list.has("--csv")));
    print(table, list.has("--csv"));
    if (list.has("--csv"))
        return 0;

    std::string names;
    for (const auto& o : objectives)
        names += (names.empty() ? "" : ", ") + o.toString();
    std::cout << "\n" << members.size() << " non-dominated of " << complete.size()
              << " complete trials (" << names << ")\n";
    if (objectives.size() <= 3 && !front.empty()) {
        // Reference: the worst value of each objective among complete
        // trials, a little beyond it, so every front member counts.
        std::vector<double> reference(objectives.size(), -INFINITY);
        for (const auto& p : points)
            for (size_t k = 0; k < p.size(); ++k)
                reference[k] = std::max(reference[k], p[k]);
        for (auto& r : reference)
            r += std::max(1e-9, std::fabs(r) * 0.01);
        std::vector<std::vector<double>> frontPoints;
        for (int i : front)
            frontPoints.push_back(points[static_cast<size_t>(i)]);
        std::cout << "hypervolume: " << TableWriter::number(Hypervolume::compute(frontPoints, reference))
                  << " (minimised objectives, reference 1% beyond the worst complete trial)\n";
    }
    return 0;
}

int ReportCommand::runBest(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--objective"}, {"--help"});
    if (list.has("--help")) {
        std::cout << bestUsage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("best needs exactly one STUDY.db");
    auto study = Study::open(list.positional().front());
    Objective objective = objectivesFor(*study, list, "--objective", 1).front();
    const TrialRecord* best = nullptr;
    std::vector<TrialRecord> trials = study->storage().trials();
    for (const auto& t : trials) {
        auto v = t.metric(objective.metric);
        if (t.state != TrialState::Complete || !v)
            continue;
        if (!best || objective.minimized(*v) < objective.minimized(*best->metric(objective.metric)))
            best = &t;
    }
    if (!best) {
        std::cout << "no complete trial has " << objective.metric << " yet\n";
        return 1;
    }
    std::cout << "trial: " << best->number << "\n";
    std::cout << "architecture: " << best->encoding << "\n";
    if (isNb201Space(study->codec()))
        std::cout << "nb201: "
                  << Nb201Format::format(study->codec(), study->codec().decode(best->encoding))
                  << "\n";
    std::cout << "hash: " << best->archHash << "\n";
    for (const auto& name : metricColumns({*best}))
        std::cout << name << ": " << TableWriter::number(*best->metric(name)) << "\n";
    return 0;
}

int ReportCommand::runInfo(const std::vector<std::string>& args)
{
    ArgumentList list(args, {}, {"--help"});
    if (list.has("--help")) {
        std::cout << infoUsage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("info needs exactly one STUDY.db");
    auto study = Study::open(list.positional().front());
    const StudyInfo& info = study->info();
    std::cout << "study: " << info.name << " (" << study->storage().location() << ")\n";
    std::cout << "created: " << info.createdAt << "\n";
    std::cout << "schema: " << SqliteStudyStorage::kSchemaVersion << "\n";
    std::cout << "space: " << study->codec().space().name << ", "
              << SpaceSize::distinctCount(study->codec()).toString()
              << " distinct architectures\n";
    if (const auto& s = study->settings()) {
        std::string objectives, constraints;
        for (const auto& o : s->objectives)
            objectives += (objectives.empty() ? "" : ",") + o.toString();
        for (const auto& c : s->constraints)
            constraints += (constraints.empty() ? "" : ",") + c.toString();
        std::cout << "strategy: " << s->strategy << "\nevaluator: " << s->evaluator
                  << "\nobjectives: " << objectives
                  << "\nconstraints: " << (constraints.empty() ? "none" : constraints)
                  << "\nbudget: " << s->budget << " trials"
                  << (s->timeBudgetS > 0 ? ", " + TableWriter::number(s->timeBudgetS) + " s" : "")
                  << "\nseed: " << s->seed << "\nworkers: " << s->workers
                  << "\ndevice: " << s->device << "\n";
        if (!s->data.empty())
            std::cout << "data: " << s->data << "\n";
    } else {
        std::cout << "strategy: (not run yet)\n";
    }
    std::map<std::string, int> counts;
    std::vector<TrialRecord> trials = study->storage().trials();
    for (const auto& t : trials)
        counts[trialStateName(t.state)]++;
    std::cout << "trials: " << trials.size();
    for (const char* s : {"complete", "failed", "pruned", "running", "queued"})
        if (counts[s])
            std::cout << ", " << counts[s] << " " << s;
    std::cout << "\n";
    return 0;
}

} // namespace archscape::cli
