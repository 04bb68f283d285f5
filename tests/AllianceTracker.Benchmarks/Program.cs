using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AllianceTracker.Benchmarks.PictureReadBenchmarks).Assembly).Run(args);
