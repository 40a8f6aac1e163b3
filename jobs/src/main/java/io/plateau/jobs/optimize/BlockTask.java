package io.plateau.jobs.optimize;

import io.plateau.bar.BarSeries;
import io.plateau.study.Study;
import io.plateau.study.StudyCalendar;
import io.plateau.study.Trial;
import io.plateau.study.TrialRunner;
import io.plateau.robust.Objective;
import io.plateau.robust.SpanMetrics;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;

/**
 * The executor's work for one block: load the symbol's bars (cached per JVM), simulate each set of the block for
 * the walk-forward windows (taking the windows a {@link WindowReuse} names from the earlier run), write the block's
 * trials and P&amp;L files and commit the block with a marker that holds the block's best set per scheme and window
 * (the driver's choice merges them, so it reads no trials). A block whose marker already exists (a retried or
 * speculative task, or a resumed run) is not run again.
 */
final class BlockTask implements Serializable {

  private final Study study;
  private final Map<String, StudyCalendar> calendars;
  private final String staging;
  private final WindowReuse reuse;

  BlockTask(Study study, Map<String, StudyCalendar> calendars, String staging, WindowReuse reuse) {
    this.study = study;
    this.calendars = calendars;
    this.staging = staging;
    this.reuse = reuse;
  }

  BlockResult run(Block block, Progress.Counters counters) {
    try {
      Configuration conf = RunDirectory.outputConf();
      Path root = new Path(staging);
      FileSystem fs = root.getFileSystem(conf);
      Path marker = new Path(root, "blocks/" + block.name() + ".done");
      if (fs.exists(marker)) {
        return new BlockResult(block.index(), 0, 0, Double.NaN, true);
      }
      BarSeries bars = BarCache.bars(study, block.symbol());
      TrialRunner runner = new TrialRunner(study, bars, calendars.get(block.symbol()));
      long[] ids = block.ids() != null ? block.ids() : study.space().admittedIn(block.fromId(), block.toId());
      MessageType trialsSchema = TrialTables.trialsSchema(study.space());
      List<Group> trials = new ArrayList<>();
      double best = Double.NaN;
      Objective objective = study.objective();
      List<Trial> results = reuse.appliesTo(block)
          ? runner.run(ids, reuse.previousTrials(conf, block), reuse.windows(block.symbol())) : runner.run(ids);
      Map<String, OptimizeJob.Chosen> bests = new TreeMap<>();
      for (Trial trial : results) {
        TrialTables.addTrial(trials, trialsSchema, study.space(), block.symbol(), trial, objective);
        for (var window : trial.inSample()) {
          double value = objective.of(window);
          if (!Double.isNaN(value) && (Double.isNaN(best) || value > best)) {
            best = value;
          }
        }
        offer(bests, block.symbol(), 0, trial.setId(), trial.inSample(), trial.outOfSample(), objective);
        for (int cell = 0; cell < trial.matrix().size(); cell++) {
          offer(bests, block.symbol(), cell + 1, trial.setId(), trial.matrix().get(cell).inSample(),
              trial.matrix().get(cell).outOfSample(), objective);
        }
      }
      counters.barEvaluations().add(runner.barEvaluations());
      if (!fs.exists(new Path(root, RunDirectory.STUDY_COPY))) {
        // The run failed and removed its staging directory while this task still ran (Spark lets a failed job's
        // running tasks finish): its files would make a directory that is no run.
        throw new IOException("the staging directory " + root + " is gone (its run failed); the block is not written");
      }
      String name = block.name() + ".parquet";
      Path trialsFile = new Path(root, "trials/" + name);
      Path pnlFile = new Path(root, "pnl/" + name);
      Path trialsTemporary = RunDirectory.temporaryFor(trialsFile);
      Path pnlTemporary = RunDirectory.temporaryFor(pnlFile);
      Path writing = trialsFile;
      try {
        TrialTables.write(conf, trialsTemporary, trialsSchema, trials);
        writing = pnlFile;
        TrialTables.writePnl(conf, pnlTemporary, block.symbol(), results);
      } catch (IOException | FSError e) {
        // A full disk stays full with our half-written files on it: remove them before the task fails.
        RunDirectory.deleteQuietly(fs, trialsTemporary);
        RunDirectory.deleteQuietly(fs, pnlTemporary);
        throw OutputFailure.asIOException(writing, e);
      }
      moveInto(fs, trialsTemporary, trialsFile);
      moveInto(fs, pnlTemporary, pnlFile);
      RunDirectory.writeAtomically(fs, marker, RunDirectory.markerContent(new ArrayList<>(bests.values())));
      if (!Double.isNaN(best)) {
        counters.bestObjective().add(best);
      }
      return new BlockResult(block.index(), ids.length, runner.barEvaluations(), best, false);
    } catch (IOException e) {
      throw new UncheckedIOException("block " + block.index() + " (" + block.symbol() + "): " + e.getMessage(), e);
    }
  }

  /** Keeps, per scheme and window, the block's best set by in-sample objective (NaN last, then the lower id). */
  private static void offer(Map<String, OptimizeJob.Chosen> bests, String symbol, int scheme, long setId,
      List<SpanMetrics> inSample, List<SpanMetrics> outOfSample, Objective objective) {
    for (int w = 0; w < inSample.size(); w++) {
      OptimizeJob.Chosen candidate = new OptimizeJob.Chosen(symbol, scheme, w, setId, objective.of(inSample.get(w)),
          Double.NaN, inSample.get(w), outOfSample.get(w));
      bests.merge(String.format("%05d/%05d", scheme, w), candidate, OptimizeJob.Chosen::better);
    }
  }

  private static void moveInto(FileSystem fs, Path from, Path to) throws IOException {
    fs.delete(to, false);
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
